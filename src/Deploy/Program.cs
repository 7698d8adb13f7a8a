namespace AppDelivery.Aspire.Deploy;

internal static class Program
{
    private static int Main(string[] args) => Cli.Commands.Run(args, Console.Out, Console.Error);
}
