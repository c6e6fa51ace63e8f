using Containers.PowerShell.Tests.Fixtures;

namespace Containers.PowerShell.Tests.Dsc
{
    /// <summary>
    /// The steps the DSC v3 PowerShell adapter takes with a class-based resource (PSDesiredStateConfiguration and dsc are
    /// not installed here): import the module by its manifest, take the class from the module's own scope
    /// (<c>&amp; $module { 'Name' -as 'type' }</c>: the classes are not visible outside it), create it with <c>::new()</c>,
    /// set the properties, and call Get, Test or Set on it. <see cref="Define"/> gives a session the function
    /// <c>New-DscResource NAME @{ property = value }</c> that does the first four.
    /// </summary>
    internal static class DscAdapter
    {
        public static void Define(ModuleSession session) => session.Run(@"
            function New-DscResource([string] $Name, [hashtable] $Property) {
                $module = Import-Module $ModuleManifest -PassThru
                $type = & $module { param($typeName) $typeName -as 'type' } $Name
                if ($null -eq $type) { throw ""The module's scope has no class $Name."" }
                $resource = $type::new()
                foreach ($key in $Property.Keys) { $resource.$key = $Property[$key] }
                $resource
            }", new Dictionary<string, object?> { ["ModuleManifest"] = ModuleFolder.Manifest }).AssertNoErrors();
    }
}
