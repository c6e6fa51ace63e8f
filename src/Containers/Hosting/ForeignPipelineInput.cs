using System.Management.Automation;

namespace Containers.PowerShell.Hosting
{
    /// <summary>
    /// Another module's typed object piped to a cmdlet that names containers, images or volumes by property name: a
    /// Process, a FileInfo, a service. PowerShell binds its Name as the target's name (Get-Process | Remove-Container
    /// would target containers named 'dotnet' and 'pwsh'), which no one means. Strings, rows (Import-Csv,
    /// ConvertFrom-Json, Select-Object, [pscustomobject], deserialized objects: all PSCustomObject) and the module's
    /// own objects keep binding; docs/about_Containers.md says so.
    /// </summary>
    internal static class ForeignPipelineInput
    {
        /// <returns>The piped object this record came from when it is another module's typed object; null otherwise.</returns>
        public static object? Of(PSCmdlet cmdlet)
        {
            object? value = CurrentPipelineObject.Of(cmdlet);
            return value == null || value is PSCustomObject || value is string || value.GetType().IsPrimitive || value is decimal || IsModuleType(value.GetType())
                ? null
                : value;
        }

        private static bool IsModuleType(Type type) =>
            type.Namespace != null && (type.Namespace == "Containers" || type.Namespace.StartsWith("Containers.", StringComparison.Ordinal));
    }
}
