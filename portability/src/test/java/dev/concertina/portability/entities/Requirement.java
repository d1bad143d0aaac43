package dev.concertina.portability.entities;

public enum Requirement { REQUIRED, CONDITIONAL, ALTERNATIVE, DISABLED }
