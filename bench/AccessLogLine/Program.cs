using BenchmarkDotNet.Running;
using Winyx.Bench.AccessLogLine;

BenchmarkRunner.Run<AccessLogLineBenchmarks>(args: args);
