using System.Diagnostics;

namespace AppDelivery.Aspire.AppHost.LocalServers;

/// <summary>How run mode hosts PostgreSQL and Valkey. Publish mode (the manifest) always describes containers.</summary>
public enum LocalServerMode
{
    /// <summary>The containers the model declares; needs Docker or Podman.</summary>
    Containers,

    /// <summary>The server binaries installed on this machine, run by the orchestrator as executables.</summary>
    Executables,
}

internal static class LocalServerModeConfiguration
{
    /// <summary><c>containers</c>, <c>executables</c> or <c>auto</c> (the default: executables only when no container runtime answers).</summary>
    public const string Key = "AppHost:LocalServers";

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    public static LocalServerMode GetLocalServerMode(this IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            return LocalServerMode.Containers;
        }

        return builder.Configuration[Key]?.Trim().ToUpperInvariant() switch
        {
            null or "" or "AUTO" => ContainerRuntimeAnswers() ? LocalServerMode.Containers : LocalServerMode.Executables,
            "CONTAINERS" => LocalServerMode.Containers,
            "EXECUTABLES" => LocalServerMode.Executables,
            _ => throw new InvalidOperationException(
                $"Configuration '{Key}' is '{builder.Configuration[Key]}': use containers, executables or auto."),
        };
    }

    /// <summary>Asks Docker, then Podman, for its server version, as Aspire's orchestrator will need one.</summary>
    private static bool ContainerRuntimeAnswers() => Answers("docker") || Answers("podman");

    private static bool Answers(string runtime)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            if (!process.WaitForExit(ProbeTimeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
