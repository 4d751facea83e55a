-- RFC 8628 section 3.5: each slow_down adds 5 seconds to the interval a device must keep.
ALTER TABLE device_authorization ADD COLUMN interval_seconds INT DEFAULT 5 NOT NULL;
