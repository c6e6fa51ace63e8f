using System.Management.Automation;
using Containers.Commands.Services;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets.Services
{
    /// <summary>
    /// Get-ContainerServiceTask: docker service ps, the tasks of services with their node and state; for a stack, by
    /// name or as stack objects (Get-ContainerStack web | Get-ContainerServiceTask), docker stack ps.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ContainerServiceTask", DefaultParameterSetName = ByName)]
    [OutputType(typeof(ContainerServiceTask))]
    public sealed class GetContainerServiceTaskCmdlet : ServiceTargetCmdlet
    {
        private const string ByStack = "Stack";
        private const string ByStackObject = "StackObject";

        /// <summary>The tasks of every service of this stack (docker stack ps).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByStack)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(StackNameCompleter))]
        public string Stack { get; set; } = string.Empty;

        /// <summary>
        /// Stack objects, as Get-ContainerStack returns them: the tasks of every service of each. Piped stacks bind here
        /// by value, not their Name to -Name by property name.
        /// </summary>
        // By property name too (no object has a StackObject property), for PowerShell's binder: when the default set's
        // -Name (mandatory, by property name) is the only mandatory parameter any set takes by property name, the binder
        // latches on to that set before trying the others by value, and a piped stack would name the service called
        // like it. With this one too, the piped object binds by value first, across the sets.
        [Parameter(Mandatory = true, ParameterSetName = ByStackObject, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public ContainerStack[] StackObject { get; set; } = new ContainerStack[0];

        /// <summary>Only tasks the swarm wants in this state: Running (the current ones), Shutdown or Accepted.</summary>
        [Parameter]
        [ValidateSet("Running", "Shutdown", "Accepted")]
        public string? DesiredState { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            var command = new GetContainerServiceTaskCommand { DesiredState = DesiredState?.ToLowerInvariant() };
            switch (ParameterSetName)
            {
                case ByStack:
                    return command.ExecuteOnStackAsync(SelectEngine(), Stack, output, cancellationToken);
                case ByStackObject:
                    return ForEachEngineAsync(true, Array.Empty<string>(), StackObject, stack => stack.Engine, stack => stack.Name, async (engine, stacks) =>
                    {
                        foreach (string stack in stacks)
                        {
                            await command.ExecuteOnStackAsync(engine, stack, output, cancellationToken);
                        }
                    });
                default:
                    return ExecuteAsync(command, output, cancellationToken);
            }
        }
    }
}
