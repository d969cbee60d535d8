package dev.gatehouse.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "ratelimit_buckets")
public class RateLimitBucketEntity {

    @Id
    @Column(name = "bucket_key", length = 320)
    public String bucketKey;

    @Column(name = "count", nullable = false)
    public int count;

    /** Epoch seconds at which the window ends. */
    @Column(name = "expires_at", nullable = false)
    public long expiresAt;
}
