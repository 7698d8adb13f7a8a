namespace AppDelivery.Aspire.Deploy.Cli;

internal static class CliUsage
{
    public const string Text = """
        Usage:
          dotnet run --project src/Deploy -- synth --env <name> [--manifest <file>] [--settings <file>]
                                                   [--image-tag <tag>] [--outdir <dir>]
          dotnet run --project src/Deploy -- cdk-app      (run by the CDK CLI through cdk.json)

        synth      Reads the Aspire manifest and the deployment settings, synthesizes the base stack and the
                   stack of one environment, and prints resources per stack, a monthly cost estimate and the
                   secrets an operator must set.
          --env        dev, staging, prod (any key of 'environments' in the settings) or pr-<n>
          --manifest   default src/AppHost/aspire-manifest.json
          --settings   default deploysettings.json
          --image-tag  tag of every workload image; default: git rev-parse --short=12 HEAD
          --outdir     cloud assembly directory, default cdk.out (CDK_OUTDIR wins when set)

        cdk-app    The same synthesis with its inputs from the CDK context:
                     npm ci; npx cdk synth|deploy|destroy -c env=<name> [-c imageTag=<tag>]
                   Context keys: env (required), imageTag, manifest, settings.

        Exit codes: 0 done, 2 bad input (one line naming the file and field), 1 synthesis failed.
        """;
}
