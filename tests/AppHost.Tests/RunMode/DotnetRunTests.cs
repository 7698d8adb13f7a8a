using System.Diagnostics;
using System.Text.RegularExpressions;
using AppDelivery.Aspire.Tests;
using Xunit.Abstractions;

namespace AppDelivery.Aspire.AppHost.Tests.RunMode;

/// <summary>
/// <c>dotnet run</c> of the AppHost, as <c>./build.sh run</c> starts it: the terminal shows the front door's URL, it
/// serves, and each way a run ends stops every process it started. (Ctrl+C in a terminal was checked by hand: a
/// test host cannot be sure its children receive SIGINT.)
/// </summary>
[Trait("Category", "RunMode")]
[Collection(RunningStacks.Name)]
public sealed partial class DotnetRunTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("TERM", false)] // a process manager or an IDE stopping `dotnet run`
    [InlineData("HUP", true)] // the terminal closed: the kernel hangs up its whole process group
    public async Task Run_serves_the_front_door_and_the_signal_stops_every_process_it_started(string signal, bool wholeProcessGroup)
    {
        var dataFolder = StackUnderTest.CreateDataFolder("apphost-dotnet-run-");
        var frontDoorUrl = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var console = new List<string>();
        // setsid: the run leads its own process group, as a terminal's foreground job does.
        using var run = Process.Start(StartInfo(dataFolder))!;
        void Read(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (console)
            {
                console.Add(line);
            }

            if (FrontDoorLine().Match(line) is { Success: true } match)
            {
                frontDoorUrl.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }

        run.OutputDataReceived += (_, e) => Read(e.Data);
        run.ErrorDataReceived += (_, e) => Read(e.Data);
        run.BeginOutputReadLine();
        run.BeginErrorReadLine();
        var started = Stopwatch.StartNew();
        try
        {
            var url = await frontDoorUrl.Task.WaitAsync(StartTimeout);
            output.WriteLine($"'{FrontDoor.Title}: {url}' after {started.Elapsed.TotalSeconds:F1} s");
            using var http = new HttpClient();
            var page = await http.GetStringAsync(new Uri(url, FrontDoor.BoardsPath));
//#if (seedData)
            Assert.Contains(FrontDoor.SeededBoard, page, StringComparison.Ordinal);
//#endif

            var runProcesses = ProcessesOf(run.Id, dataFolder);
            Assert.Contains(runProcesses, p => p.CommandLine.Contains("dcp", StringComparison.Ordinal));
            Assert.Contains(runProcesses, p => p.CommandLine.Contains(dataFolder, StringComparison.Ordinal));

            Signal(signal, wholeProcessGroup ? $"-{run.Id}" : $"{run.Id}");
            var stopping = Stopwatch.StartNew();
            var alive = await ProcessTable.WaitUntilGoneAsync([.. runProcesses.Select(p => p.Id)], StopTimeout);
            output.WriteLine($"SIG{signal}: {runProcesses.Count} processes gone after {stopping.Elapsed.TotalSeconds:F1} s");
            Assert.True(alive.Count == 0, $"Still running {StopTimeout} after SIG{signal}: {string.Join("; ", alive)}");
        }
        catch
        {
            lock (console)
            {
                // The dashboard's login token is a credential: kept out of the test output.
                output.WriteLine(LoginToken().Replace(string.Join(Environment.NewLine, console), "t=***"));
            }

            throw;
        }
        finally
        {
            foreach (var leftOver in ProcessesOf(run.Id, dataFolder))
            {
                Signal("KILL", $"{leftOver.Id}");
            }

            Directory.Delete(dataFolder, recursive: true);
        }
    }

    private static ProcessStartInfo StartInfo(string dataFolder)
    {
        var startInfo = new ProcessStartInfo("setsid")
        {
            ArgumentList =
            {
                "dotnet", "run", "--project", Path.Combine(RepositoryRoot.Path, "src", "AppHost"), "--no-build",
                "--configuration", RepositoryRoot.BuildConfiguration,
                "--", "AppHost:LocalServers=executables", $"AppHost:LocalServersData={dataFolder}", "DcpPublisher:RandomizePorts=true",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Free ports instead of the launch profile's, which a developer's own run may hold.
        foreach (var variable in new[] { "ASPNETCORE_URLS", "ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", "ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL" })
        {
            startInfo.Environment[variable] = "http://localhost:0";
        }

        return startInfo;
    }

    /// <summary>
    /// The run's own session (<c>dotnet run</c> and the AppHost), the orchestrator's session (DCP detaches into its
    /// own and starts the resources there), and the servers working in the run's data folder.
    /// </summary>
    private static List<ProcessInfo> ProcessesOf(int runProcessId, string dataFolder)
    {
        var processes = ProcessTable.Snapshot();
        var appHostIds = processes.Where(p => p.SessionId == runProcessId).Select(p => p.Id).ToHashSet();
        var orchestratorSessions = processes
            .Where(p => appHostIds.Any(id => p.CommandLine.Contains($"--monitor {id} ", StringComparison.Ordinal)))
            .Select(p => p.SessionId)
            .ToHashSet();
        return processes
            .Where(p => p.SessionId == runProcessId
                || orchestratorSessions.Contains(p.SessionId)
                || p.CommandLine.Contains(dataFolder, StringComparison.Ordinal)
                || p.WorkingDirectory.StartsWith(dataFolder, StringComparison.Ordinal))
            .ToList();
    }

    private static void Signal(string signal, string target)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", signal, "--", target]) { RedirectStandardError = true })!;
        kill.WaitForExit();
    }

    [GeneratedRegex(@"t=[0-9a-f]+")]
    private static partial Regex LoginToken();

    [GeneratedRegex(@"\b" + FrontDoor.Title + @": (http\S+)")]
    private static partial Regex FrontDoorLine();
}
