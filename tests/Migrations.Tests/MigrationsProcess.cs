using System.Diagnostics;

namespace AppDelivery.Aspire.Migrations.Tests;

/// <summary>Runs the real migrations executable (<c>dotnet AppDelivery.Aspire.Migrations.dll</c>) from the test output.</summary>
internal static class MigrationsProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public override string ToString() =>
            $"exit code {ExitCode}{Environment.NewLine}stdout:{Environment.NewLine}{StandardOutput}{Environment.NewLine}stderr:{Environment.NewLine}{StandardError}";
    }

    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string> environment)
    {
        var startInfo = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AppDelivery.Aspire.Migrations.dll"));

        // Nothing the test runner's environment sets may leak into what the process under test sees.
        foreach (var key in startInfo.Environment.Keys.Where(IsInherited).ToList())
        {
            startInfo.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("dotnet did not start.");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The migrations process did not exit within {Timeout}.");
        }

        return new Result(process.ExitCode, await standardOutput, await standardError);
    }

    private static bool IsInherited(string key) =>
        key.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("Migrations__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("OTEL_", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("PG", StringComparison.Ordinal);
}
