using Aspire.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Winyx.Hosting.Console;

/// <summary><c>NoteLeftOut</c>: say on the console why a resource is not in the model.</summary>
public static class FleetNotesExtensions
{
    /// <summary>Prints "<paramref name="name"/>: not started — <paramref name="reason"/>" beside the resource table.</summary>
    /// <example><code>builder.NoteLeftOut("grafana", "no container engine answers; start Docker or Podman to add it");</code></example>
    public static IDistributedApplicationBuilder NoteLeftOut(this IDistributedApplicationBuilder builder, string name, string reason)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var notes = builder.Services.FirstOrDefault(d => d.ServiceType == typeof(FleetNotes))?.ImplementationInstance as FleetNotes;
        if (notes is null)
        {
            notes = new FleetNotes();
            builder.Services.AddSingleton(notes);
        }

        notes.Add($"{name}: not started — {reason}");
        return builder;
    }
}
