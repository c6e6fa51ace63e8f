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
    /// <summary>Get-ContainerProcess: docker top, one object per process.</summary>
    public sealed class GetContainerProcessCommand
    {
        /// <summary>ps's options ("aux", "-o pid,comm"); the engine's default, -ef, when null.</summary>
        public string? Arguments { get; set; }

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
                        ContainerTopResponse top = await engine.Client.Containers.TopAsync(inspect.Id, Arguments, cancellationToken);
                        IReadOnlyList<string> titles = top.Titles ?? new List<string>();
                        foreach (List<string> row in top.Processes ?? new List<List<string>>())
                        {
                            output.WriteObject(ContainerProcess.FromRow(titles, row, inspect.Id, name, engine));
                        }
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
