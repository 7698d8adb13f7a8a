using System.ComponentModel;
using System.Runtime.InteropServices;

namespace AppDelivery.Aspire.LocalServers;

/// <summary>Sends POSIX signals; .NET only offers SIGKILL, and PostgreSQL shuts down cleanly on SIGINT.</summary>
internal static class PosixSignal
{
    public const int Interrupt = 2;
    public const int Quit = 3;

    private const int NoSuchProcess = 3;

    /// <summary>False when the process has already gone.</summary>
    public static bool TrySend(int processId, int signal)
    {
        if (kill(processId, signal) == 0)
        {
            return true;
        }

        var error = Marshal.GetLastPInvokeError();
        if (error == NoSuchProcess)
        {
            return false;
        }

        throw new Win32Exception(error, $"kill({processId}, {signal}) failed");
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
