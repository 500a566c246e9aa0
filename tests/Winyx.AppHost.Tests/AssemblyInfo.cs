// One fleet at a time: each test class starts a whole fleet (five .NET services, MariaDB, Redis,
// Prometheus, …), and two at once on a 2-core CI box only measure the box.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
