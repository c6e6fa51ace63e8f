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
    /// <summary>Get-ContainerDetail: docker inspect, as one object per container.</summary>
    public sealed class GetContainerDetailCommand
    {
        /// <summary>Also compute the size of the container's writable layer (slow on large containers).</summary>
        public bool Size { get; set; }

        public async Task ExecuteAsync(ContainerEngine engine, IEnumerable<string> targets, ICommandOutput output, CancellationToken cancellationToken)
        {
            foreach (string named in targets)
            {
                foreach (string target in await ContainerTargets.ExpandOrReportAsync(engine, named, output, cancellationToken))
                {
                    try
                    {
                        ContainerInspect inspect = await engine.Client.Containers.InspectAsync(target, Size, cancellationToken);
                        output.WriteObject(ContainerDetail.FromInspect(inspect, engine));
                    }
                    catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
                    {
                        output.WriteError(ErrorClassifier.Classify(e, target));
                    }
                }
            }
        }
    }
}
