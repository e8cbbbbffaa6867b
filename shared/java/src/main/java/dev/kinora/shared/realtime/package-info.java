/**
 * What the realtime function and the publishers of status (transcode today, notifications later)
 * share: the messages of the WebSocket API (schemas {@code RealtimeServerMessage} and {@code
 * RealtimeClientMessage}) and the connections table with its subscriptions (docs/data-model.md,
 * ConnectionsTable).
 */
package dev.kinora.shared.realtime;
