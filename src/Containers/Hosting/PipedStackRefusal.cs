using System.Management.Automation;
using Containers.Errors;
using Containers.Models;

namespace Containers.PowerShell.Hosting
{
    /// <summary>
    /// A stack piped to a cmdlet that names services binds its Name to -Name by property name, and would name a service
    /// that only shares the stack's name (Get-ContainerStack web | Remove-ContainerService would remove a service called
    /// web). Its services are what is meant, and the cmdlets that read them take the stack itself (Get-ContainerService,
    /// Get-ContainerServiceTask); the cmdlets that change services refuse it, stopping the command before anything is done.
    /// </summary>
    internal static class PipedStackRefusal
    {
        /// <param name="namesGivenAsArgument">-Name was given on the command line, so no name came from a piped object.</param>
        public static void ThrowIfStackPiped(PSCmdlet cmdlet, bool namesGivenAsArgument)
        {
            if (!namesGivenAsArgument && CurrentPipelineObject.Of(cmdlet) is ContainerStack stack)
            {
                string command = cmdlet.MyInvocation.MyCommand.Name;
                throw new InvalidParameterException("PipelineInput", stack,
                    $"{command} was given the stack '{stack.Name}' from the pipeline, and would have taken its name for the name of a service. "
                    + $"To act on the stack's services, get them first: ... | Get-ContainerService | {command}"
                    + (command == "Remove-ContainerService" ? "; to remove the stack with its networks, secrets and configs, pipe it to Remove-ContainerStack." : "."));
            }
        }
    }
}
