package dev.kinora.shared.model;

/** The caller's unread count after a mark-read (schema {@code NotificationReadState}). */
public record NotificationReadState(long unreadCount) {}
