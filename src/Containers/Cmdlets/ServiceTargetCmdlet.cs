using System.Management.Automation;
using Containers.Models;
using Containers.Errors;
using Containers.PowerShell.Completers;
using Containers.PowerShell.Hosting;

namespace Containers.PowerShell.Cmdlets
{
    /// <summary>
    /// The parameter sets every cmdlet that acts on existing swarm services shares: by name (ids, id prefixes and
    /// wildcards on names too; strings piped in), or by service object (piped from Get-ContainerService and
    /// New-ContainerService, which also carry their engine).
    /// </summary>
    public abstract class ServiceTargetCmdlet : TargetCmdlet
    {
        protected const string ByObject = "InputObject";

        /// <summary>Names or ids of services; wildcards match names.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByName, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ServiceName", "Service")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ServiceNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        /// <summary>Service objects, as Get-ContainerService returns them.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByObject, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ContainerService[] InputObject { get; set; } = new ContainerService[0];

        protected override Task ForEachEngineAsync(Func<ContainerEngine, IReadOnlyList<string>, Task> act)
        {
            if (ParameterSetName == ByName)
            {
                RefusePipedStack();
            }

            return ForEachEngineAsync(ParameterSetName == ByObject, Name, InputObject, o => o.Engine, o => o.Id, act);
        }

        // A stack piped in binds its Name to -Name by property name, and would name a service that only shares the
        // stack's name (Get-ContainerStack web | Remove-ContainerService would remove a service called web). Its
        // services are what is meant, and the cmdlets that read them take the stack itself (Get-ContainerService,
        // Get-ContainerServiceTask); the others refuse it, stopping the command before anything is done.
        private void RefusePipedStack()
        {
            if (!NamesGivenAsArgument && CurrentPipelineObject.Of(this) is ContainerStack stack)
            {
                string command = MyInvocation.MyCommand.Name;
                throw new InvalidParameterException("PipelineInput", stack,
                    $"{command} was given the stack '{stack.Name}' from the pipeline, and would have taken its name for the name of a service. "
                    + $"To act on the stack's services, get them first: ... | Get-ContainerService | {command}"
                    + (command == "Remove-ContainerService" ? "; to remove the stack with its networks, secrets and configs, pipe it to Remove-ContainerStack." : "."));
            }
        }
    }
}
