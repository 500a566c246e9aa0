// Test classes run one after another. Each starts its own host, and OpenTelemetry identifies a metric
// stream by meter and instrument name, not by the host's IMeterFactory: while two hosts overlap in one
// process their "Winyx.Http" streams merge, and disposing one host retires the stream the other is
// still exporting. One host at a time keeps every scrape exact (and the whole class set takes seconds).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
