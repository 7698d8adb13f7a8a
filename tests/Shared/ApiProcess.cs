using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace AppDelivery.Aspire.Tests;

/// <summary>
/// A built Api as a process of its own on a loopback port, as it runs in a container: for behaviour of the real host
/// that <c>WebApplicationFactory</c> replaces (its reaction to signals) and for benchmarks. Linked into Api.Tests and
/// bench/Api.Benchmarks.
/// </summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;

    private ApiProcess(Process process, Uri baseAddress, TimeSpan startToHealthy)
    {
        _process = process;
        BaseAddress = baseAddress;
        StartToHealthy = startToHealthy;
    }

    public Uri BaseAddress { get; }

    /// <summary>From starting the process to the first HTTP 200 on <c>/health</c>.</summary>
    public TimeSpan StartToHealthy { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Peak resident memory so far (VmHWM), in MiB.</summary>
    public double PeakRssMiB
    {
        get
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").First(line => line.StartsWith("VmHWM:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }
    }

    /// <summary>
    /// Starts <c>dotnet <paramref name="apiDll"/></c> with <paramref name="environment"/> and returns once <c>/health</c>
    /// answers 200. Each line the Api writes to standard error goes to <paramref name="standardErrorLine"/>, if given.
    /// </summary>
    public static async Task<ApiProcess> StartAsync(
        string apiDll,
        IReadOnlyDictionary<string, string> environment,
        Action<string>? standardErrorLine = null)
    {
        if (!File.Exists(apiDll))
        {
            throw new InvalidOperationException($"The Api is not built: {apiDll} does not exist.");
        }

        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", [apiDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(apiDll))!,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString();
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                standardErrorLine?.Invoke(line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
            while (clock.Elapsed < StartTimeout)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The Api ({apiDll}) exited with {process.ExitCode} during startup.");
                }

                try
                {
                    using var response = await client.GetAsync(new Uri(HealthPaths.Readiness, UriKind.Relative));
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return new ApiProcess(process, baseAddress, clock.Elapsed);
                    }
                }
                catch (HttpRequestException)
                {
                }

                await Task.Delay(5);
            }

            throw new TimeoutException($"The Api ({apiDll}) did not report healthy within {StartTimeout}.");
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
            throw;
        }
    }

    /// <summary>Sends SIGTERM, as <c>docker stop</c> and ECS do.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])
            ?? throw new InvalidOperationException("kill did not start.");
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -TERM {_process.Id} exited with {kill.ExitCode}.");
        }
    }

    public Task WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync().WaitAsync(timeout);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
