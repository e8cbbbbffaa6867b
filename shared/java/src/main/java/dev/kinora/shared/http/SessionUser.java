package dev.kinora.shared.http;

/**
 * The signed-in caller as the session authorizer described it in {@code
 * requestContext.authorizer.lambda}: the only place handlers learn who is calling.
 *
 * @param sessionExpiresAt when the session expires (epoch seconds), for the cookie's Max-Age
 */
public record SessionUser(String userId, String channelId, String handle, long sessionExpiresAt) {}
