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
    /// <summary>Get-ContainerImageHistory: docker history, one object per step, newest first as the engine lists them.</summary>
    public sealed class GetContainerImageHistoryCommand
    {
        public async Task ExecuteAsync(ContainerEngine engine, IEnumerable<string> targets, ICommandOutput output, CancellationToken cancellationToken)
        {
            foreach (string named in targets)
            {
                foreach (string target in await ImageTargets.ExpandOrReportAsync(engine, named, output, cancellationToken))
                {
                    List<ImageHistoryItem> history;
                    try
                    {
                        history = await engine.Client.Images.HistoryAsync(target, cancellationToken);
                    }
                    catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
                    {
                        output.WriteError(ErrorClassifier.Classify(e, target, ImageTargets.Resource));
                        continue;
                    }

                    foreach (ImageHistoryItem item in history)
                    {
                        output.WriteObject(ContainerImageHistoryEntry.FromHistoryItem(item, target));
                    }
                }
            }
        }
    }
}
