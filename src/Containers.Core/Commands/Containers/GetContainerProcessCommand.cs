using Containers.Commands.Targets;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Containers
{
    /// <summary>Get-ContainerProcess: docker top, one object per process.</summary>
    public sealed class GetContainerProcessCommand : TargetCommand
    {
        public GetContainerProcessCommand()
            : base(ContainerTargets.Kind)
        {
        }

        /// <summary>ps's options ("aux", "-o pid,comm"); the engine's default, -ef, when null.</summary>
        public string? Arguments { get; set; }

        protected override async Task ProcessAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken)
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
            catch (EngineServerException refused) when (Arguments != null && PsRefused(refused.Message))
            {
                // The engine runs ps with these arguments and answers ps's refusal as its own failure (a 500 with
                // ps's first line of stderr): the arguments are the mistake.
                output.WriteError(ErrorClassifier.Classify(
                    new InvalidParameterException("Arguments", Arguments, $"ps refused the arguments '{Arguments}' given to -Arguments: {refused.Message}"), target));
            }
        }

        /// <summary>The engine's words when ps itself failed ("ps: error: ..."), not when there is no ps to run.</summary>
        internal static bool PsRefused(string message) =>
            message.StartsWith("ps: ", StringComparison.Ordinal) && message.IndexOf("executable file not found", StringComparison.Ordinal) < 0;
    }
}
