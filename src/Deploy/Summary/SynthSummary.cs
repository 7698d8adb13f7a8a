using System.Globalization;
using AppDelivery.Aspire.Deploy.Model;

namespace AppDelivery.Aspire.Deploy.Summary;

/// <summary>What the CLI prints after a synthesis. Never prints a secret value: only names and commands.</summary>
public sealed record SynthSummary(
    string Environment,
    string ImageTag,
    string AssemblyDirectory,
    string Region,
    IReadOnlyList<TemplateInventory> Stacks,
    CostEstimate Cost,
    IReadOnlyList<string> OperatorSecretCommands,
    IReadOnlyList<string> GeneratedSecrets,
    string? SecretsStackName,
    string EnvironmentStackName)
{
    public void WriteTo(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"Synthesized '{Environment}' (image tag {ImageTag}) into {AssemblyDirectory}");
        output.WriteLine("Stacks (deployed in this order):");
        var width = Stacks.Max(s => s.StackName.Length);
        foreach (var stack in Stacks)
        {
            output.WriteLine($"  {stack.StackName.PadRight(width)}  {stack.ResourceCount,4} resources");
        }

        var prices = Cost.Prices;
        var regionNote = Region == prices.Region ? string.Empty : $"; this deployment is in {Region}";
        output.WriteLine($"Estimated monthly cost (USD; an estimate from {prices.Region} list prices, {prices.AsOf}{regionNote}; see docs/deploy.md):");
        var overBudget = Cost.EnvironmentTotal > Cost.MonthlyBudgetUsd ? ", which the estimate exceeds: the budget alarm will fire" : string.Empty;
        WriteLines(output, $"environment {Environment}", Cost.EnvironmentLines, Cost.EnvironmentTotal,
            $"budget {Money(Cost.MonthlyBudgetUsd)}{overBudget}");
        WriteLines(output, "shared by all environments (base stack)", Cost.SharedLines, Cost.SharedTotal, null);

        if (OperatorSecretCommands.Count == 0)
        {
            output.WriteLine("Secrets to set: none.");
        }
        else
        {
            output.WriteLine("Secrets to set, once per environment, in this order (docs/deploy.md, First deployment):");
            output.WriteLine($"  deploy the stack {SecretsStackName} (it creates them, holding {Constructs.AppSecrets.Placeholder})");
            foreach (var command in OperatorSecretCommands)
            {
                output.WriteLine($"  {command}");
            }

            output.WriteLine($"  deploy the stack {EnvironmentStackName} (while one holds {Constructs.AppSecrets.Placeholder}, its secrets check fails the deployment before any job or service runs)");
        }

        if (GeneratedSecrets.Count > 0)
        {
            output.WriteLine($"Generated at creation, nothing to set: {string.Join(", ", GeneratedSecrets)} (databases: each workload signs in with IAM as its own role; RDS keeps and rotates the master password).");
        }
    }

    public static SynthSummary Create(
        string environment,
        string imageTag,
        string assemblyDirectory,
        string region,
        IReadOnlyList<TemplateInventory> stacks,
        CostEstimate cost,
        ApplicationModel application,
        string? secretsStackName,
        string environmentStackName)
    {
        ArgumentNullException.ThrowIfNull(application);
        return new SynthSummary(environment, imageTag, assemblyDirectory, region, stacks, cost,
            secretsStackName is null ? [] : Summary.OperatorSecretCommands.For(application, region, secretsStackName),
            application.GeneratedSecrets.Select(s => s.Name).ToList(),
            secretsStackName,
            environmentStackName);
    }

    private static void WriteLines(TextWriter output, string title, IReadOnlyList<CostLine> lines, decimal total, string? note)
    {
        output.WriteLine($"  {title}:");
        var itemWidth = Math.Max(lines.Count == 0 ? 0 : lines.Max(l => l.Item.Length), 5);
        var basisWidth = lines.Count == 0 ? 0 : lines.Max(l => l.Basis.Length);
        foreach (var line in lines)
        {
            output.WriteLine($"    {line.Item.PadRight(itemWidth)}  {line.Basis.PadRight(basisWidth)}  {Money(line.MonthlyUsd),10}");
        }

        output.WriteLine($"    {"Total".PadRight(itemWidth)}  {string.Empty.PadRight(basisWidth)}  {Money(total),10}{(note is null ? string.Empty : $"  ({note})")}");
    }

    private static string Money(decimal amount) => amount.ToString("$#,0.00", CultureInfo.InvariantCulture);
}
