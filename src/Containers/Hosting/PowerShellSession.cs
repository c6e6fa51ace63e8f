using System.Management.Automation.Runspaces;

namespace Containers.PowerShell.Hosting
{
    /// <summary>Which PowerShell session (runspace) is running: the key under which Connect-ContainerEngine keeps its choice.</summary>
    internal static class PowerShellSession
    {
        public static string Key => Runspace.DefaultRunspace?.InstanceId.ToString() ?? "process";
    }
}
