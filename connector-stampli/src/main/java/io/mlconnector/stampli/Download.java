package io.mlconnector.stampli;

/**
 * A file read to its end.
 *
 * @param sha256 the hex SHA-256 of the bytes read, computed while streaming
 * @param bytes how many bytes were read
 */
public record Download(String sha256, long bytes) {}
