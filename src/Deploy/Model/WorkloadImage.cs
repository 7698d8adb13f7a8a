namespace AppDelivery.Aspire.Deploy.Model;

/// <summary>Where a workload's container image comes from.</summary>
public abstract record WorkloadImage
{
    /// <summary>Built by the deploy workflow and pushed to the workload's ECR repository at the deployment's tag.</summary>
    public virtual bool InRepository => true;
}

/// <summary>A .NET project, published as a container (<c>dotnet publish -t:PublishContainer</c>).</summary>
/// <param name="ProjectPath">Project file path as written in the manifest (relative to it).</param>
public sealed record ProjectImage(string ProjectPath) : WorkloadImage;

/// <summary>A container built from a Dockerfile (<c>docker build</c>); paths relative to the manifest.</summary>
/// <param name="BuildArgs">Literal build arguments only: a build argument is baked into the image.</param>
public sealed record DockerfileImage(string Context, string Dockerfile, IReadOnlyDictionary<string, string> BuildArgs) : WorkloadImage
{
    public bool Equals(DockerfileImage? other) =>
        other is not null && Context == other.Context && Dockerfile == other.Dockerfile
        && BuildArgs.Count == other.BuildArgs.Count && BuildArgs.All(a => other.BuildArgs.TryGetValue(a.Key, out var v) && v == a.Value);

    public override int GetHashCode() => HashCode.Combine(Context, Dockerfile, BuildArgs.Count);
}

/// <summary>A published image (e.g. <c>maildev/maildev:2.2.1</c>) that Fargate pulls from its registry through NAT.</summary>
public sealed record RegistryImage(string Reference) : WorkloadImage
{
    public override bool InRepository => false;
}
