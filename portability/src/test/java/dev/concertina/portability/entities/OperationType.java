package dev.concertina.portability.entities;

public enum OperationType { CREATE, UPDATE, DELETE, ACTION }
