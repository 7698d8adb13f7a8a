using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AppDelivery.Aspire.Api.Tests.Infrastructure;

/// <summary>
/// The built Api (the dll beside the tests) as a process of its own on a loopback port, as it runs in a container:
/// for behaviour of the real host that <c>WebApplicationFactory</c> replaces, such as its reaction to signals.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;

    private ApiProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the Api with <paramref name="environment"/> and returns once <c>/health</c> answers 200.</summary>
    public static async Task<ApiProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var apiDll = Path.Combine(AppContext.BaseDirectory, "AppDelivery.Aspire.Api.dll");
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", [apiDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var api = new ApiProcess(process, baseAddress);
        try
        {
            using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < StartTimeout)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The Api exited with {process.ExitCode} during startup.");
                }

                try
                {
                    using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return api;
                    }
                }
                catch (HttpRequestException)
                {
                }

                await Task.Delay(20);
            }

            throw new TimeoutException($"The Api did not report healthy within {StartTimeout}.");
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends SIGTERM, as <c>docker stop</c> and ECS do.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            ?? throw new InvalidOperationException("kill did not start.");
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
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
