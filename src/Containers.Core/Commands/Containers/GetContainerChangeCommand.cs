using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Containers
{
    /// <summary>Get-ContainerChange: docker diff, one object per path, in the engine's order (parents before children).</summary>
    public sealed class GetContainerChangeCommand
    {
        public async Task ExecuteAsync(ContainerEngine engine, IEnumerable<string> targets, ICommandOutput output, CancellationToken cancellationToken)
        {
            foreach (string named in targets)
            {
                foreach (string target in await ContainerTargets.ExpandOrReportAsync(engine, named, output, cancellationToken))
                {
                    try
                    {
                        ContainerInspect inspect = await engine.Client.Containers.InspectAsync(target, cancellationToken: cancellationToken);
                        string name = (inspect.Name ?? target).TrimStart('/');
                        foreach (ContainerChangeResponseItem change in await engine.Client.Containers.ChangesAsync(inspect.Id, cancellationToken))
                        {
                            output.WriteObject(new ContainerChange(inspect.Id, name, change.Path ?? string.Empty, ToKind(change.Kind), engine));
                        }
                    }
                    catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
                    {
                        output.WriteError(ErrorClassifier.Classify(e, target));
                    }
                }
            }
        }

        private static ContainerChangeKind ToKind(int kind) =>
            kind == 1 ? ContainerChangeKind.Added : kind == 2 ? ContainerChangeKind.Deleted : ContainerChangeKind.Modified;
    }
}
