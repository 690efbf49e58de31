package org.wuyi.request;

/** A request's photo as it is kept (re-encoded, without metadata): its type and bytes. */
public record RequestPhoto(String contentType, byte[] bytes) {
}
