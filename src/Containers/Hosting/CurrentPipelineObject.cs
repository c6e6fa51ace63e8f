using System.Management.Automation;
using System.Reflection;

namespace Containers.PowerShell.Hosting
{
    /// <summary>
    /// The object piped in that the record being processed was bound from, for cmdlets that must know what it was, not
    /// only what PowerShell took from it by property name (a Process's Name, a stack's Name).
    /// </summary>
    internal static class CurrentPipelineObject
    {
        // PowerShell keeps the record being bound on the command (InternalCommand.CurrentPipelineObject, in Windows
        // PowerShell 5.1 and PowerShell 7 alike) and offers no public way to read it. Where it cannot be read, the
        // answer is null: binding stays as PowerShell does it.
        private static readonly PropertyInfo? Property =
            typeof(Cmdlet).BaseType?.GetProperty("CurrentPipelineObject", BindingFlags.Instance | BindingFlags.NonPublic);

        /// <returns>The piped object (unwrapped from its PSObject) this record came from; null when nothing is piped or it cannot be read.</returns>
        public static object? Of(PSCmdlet cmdlet)
        {
            if (!cmdlet.MyInvocation.ExpectingInput || Property == null)
            {
                return null;
            }

            object? current;
            try
            {
                current = Property.GetValue(cmdlet);
            }
            catch (Exception e) when (e is TargetInvocationException || e is MemberAccessException)
            {
                return null;
            }

            return current is PSObject wrapped ? wrapped.BaseObject : current;
        }
    }
}
