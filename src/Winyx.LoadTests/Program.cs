using System.Runtime.InteropServices;
using Winyx.LoadTests.Cli;
using Winyx.LoadTests.Telemetry;

// The engine's metrics go over OTLP when a collector (the Aspire dashboard) is configured.
using var metrics = OtlpExport.StartIfConfigured();
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C stops the run and still writes its reports; a second one kills the process.
    if (!stop.IsCancellationRequested)
    {
        e.Cancel = true;
        stop.Cancel();
    }
};

// SIGTERM (a CI job's timeout, `kill`) stops the same way, so the alert proof's fleet is torn down.
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

return await CliApp.RunAsync(args, Console.Out, Console.Error, stop.Token);
