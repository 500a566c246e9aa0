using System.Reflection;

namespace Winyx.Hosting;

/// <summary>How to create a builder: the command line and, for tests, overrides of what is found automatically.</summary>
public sealed class DistributedApplicationOptions
{
    /// <summary>The command line (<c>--isolated</c>, <c>--time-scale N</c>, …).</summary>
    public string[] Args { get; set; } = [];

    /// <summary>The AppHost assembly (its metadata names the AppHost's project directory).</summary>
    public Assembly? AppHostAssembly { get; set; }

    /// <summary>The AppHost's directory; relative project and config paths resolve against it. Found from the assembly when null.</summary>
    public string? AppHostDirectory { get; set; }

    /// <summary>The configuration projects are built in; defaults to the AppHost assembly's (Debug or Release).</summary>
    public string? BuildConfiguration { get; set; }

    /// <summary>Where progress, the resource table and the Dashboard line go; null for the console.</summary>
    public TextWriter? Output { get; set; }

    /// <summary>
    /// True for a real command line: a bad argument or a bad model prints one error line and exits
    /// instead of throwing. Tests leave it false and get exceptions.
    /// </summary>
    public bool ExitOnError { get; set; }
}
