using System.ComponentModel;
using System.Runtime.InteropServices;

namespace AppDelivery.Aspire.LocalServers;

/// <summary>Sends POSIX signals; .NET only offers SIGKILL, and PostgreSQL shuts down cleanly on SIGINT.</summary>
internal static class PosixSignal
{
    public const int Interrupt = 2;
    public const int Quit = 3;

    public static void Send(int processId, int signal)
    {
        if (kill(processId, signal) != 0)
        {
            throw new Win32Exception(Marshal.GetLastWin32Error(), $"kill({processId}, {signal}) failed");
        }
    }

    [DllImport("libc", SetLastError = true)]
#pragma warning disable SA1300, IDE1006 // The native function's name.
    private static extern int kill(int pid, int sig);
#pragma warning restore SA1300, IDE1006
}
