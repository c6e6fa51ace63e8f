using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Images
{
    /// <summary>Get-ContainerImageDetail: docker image inspect, one object per image named (per repository:tag a wildcard matches).</summary>
    public sealed class GetContainerImageDetailCommand
    {
        public async Task ExecuteAsync(ContainerEngine engine, IEnumerable<string> targets, ICommandOutput output, CancellationToken cancellationToken)
        {
            foreach (string named in targets)
            {
                foreach (string target in await ImageTargets.ExpandOrReportAsync(engine, named, output, cancellationToken))
                {
                    try
                    {
                        ImageInspect inspect = await engine.Client.Images.InspectAsync(target, cancellationToken);
                        output.WriteObject(ContainerImageDetail.FromInspect(inspect, engine, target));
                    }
                    catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
                    {
                        output.WriteError(ErrorClassifier.Classify(e, target, ImageTargets.Resource));
                    }
                }
            }
        }
    }
}
