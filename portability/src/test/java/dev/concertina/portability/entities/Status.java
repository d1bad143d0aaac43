package dev.concertina.portability.entities;

public enum Status { ACTIVE, SUSPENDED, CLOSED }
