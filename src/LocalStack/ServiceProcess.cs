using System.Diagnostics;
using AppDelivery.Aspire.LocalServers;

namespace AppDelivery.Aspire.LocalStack;

/// <summary>A service running as <c>dotnet service.dll</c>, its output prefixed with its name.</summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process process;

    private ServiceProcess(Process process, Uri? url)
    {
        this.process = process;
        Url = url!;
        Exited = process.WaitForExitAsync();
    }

    public Uri Url { get; }

    public Task Exited { get; }

    public static ServiceProcess Start(BuiltProject project, Dictionary<string, string> environment)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort.Find()}");
        environment["ASPNETCORE_URLS"] = url.ToString();
        return new ServiceProcess(Launch(project, environment), url);
    }

    public static async Task<int> RunToCompletionAsync(BuiltProject project, Dictionary<string, string> environment, CancellationToken cancellationToken)
    {
        await using var service = new ServiceProcess(Launch(project, environment), url: null);
        await service.Exited.WaitAsync(cancellationToken);
        return service.process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static Process Launch(BuiltProject project, Dictionary<string, string> environment)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { project.AssemblyPath },
            WorkingDirectory = Path.GetDirectoryName(project.AssemblyPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Development";
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Print(project.Name, e.Data, Console.Out);
        process.ErrorDataReceived += (_, e) => Print(project.Name, e.Data, Console.Error);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Print(string name, string? line, TextWriter writer)
    {
        if (line is not null)
        {
            writer.WriteLine($"[{name}] {line}");
        }
    }
}
