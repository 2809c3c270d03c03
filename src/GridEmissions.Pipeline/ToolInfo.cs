using System.Reflection;

namespace GridEmissions.Pipeline;

/// <summary>Tool name and version written into every output's metadata.</summary>
public static class ToolInfo
{
    /// <summary>"GridEmissions x.y.z".</summary>
    public static string NameAndVersion { get; } = "GridEmissions " + Version;

    /// <summary>The assembly's informational version without the source hash.</summary>
    public static string Version =>
        (typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}
