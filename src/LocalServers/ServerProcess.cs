using System.Diagnostics;

namespace AppDelivery.Aspire.LocalServers;

/// <summary>A long-running child process whose recent output is kept for error messages.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly OutputTail _output = new();

    private ServerProcess(Process process, string description)
    {
        _process = process;
        Description = description;
    }

    public string Description { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output => _output.ToString();

    public static ServerProcess Start(CommandLine command, string description)
    {
        var process = new Process { StartInfo = command.ToStartInfo(), EnableRaisingEvents = true };
        var server = new ServerProcess(process, description);
        process.OutputDataReceived += (_, e) => server._output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => server._output.Add(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not start {description} ({command.FileName}): {exception.Message}", exception);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Waits for the process to end; false when it is still running after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(timeoutSource.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public async Task KillAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        if (!await WaitForExitAsync(timeout))
        {
            throw new InvalidOperationException($"{Description} (pid {_process.Id}) did not exit within {timeout} after SIGKILL.");
        }
    }

    public InvalidOperationException Failure(string what) =>
        new($"{Description} {what}. Its last output:{Environment.NewLine}{Output}");

    public void Dispose() => _process.Dispose();
}
