package scn;

public enum Status { ACTIVE, DISABLED, LOCKED }
