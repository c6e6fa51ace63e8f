using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Containers.PowerShell.Loading
{
    /// <summary>
    /// Runs when Import-Module loads the module. On Windows PowerShell 5.1 (.NET Framework) it lets the module's folder
    /// answer for dependency versions the loader cannot bind by itself; PowerShell 7 resolves a module's folder on its
    /// own and loads its own newer copies of these assemblies first, so there it does nothing.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer
    {
        private static readonly object Gate = new object();
        private static DependencyFolder? s_folder;

        public void OnImport()
        {
            // The Azure driver loads on first use, from Azure/ beside this assembly, apart from the rest of the session.
            AzureLibraries.Install(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!);

            if (!RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal))
            {
                return;
            }

            lock (Gate)
            {
                if (s_folder != null)
                {
                    return; // imported again (Import-Module -Force): one handler is enough
                }

                s_folder = new DependencyFolder(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!);
                AppDomain.CurrentDomain.AssemblyResolve += Resolve;
            }
        }

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            AssemblyName requested;
            try
            {
                requested = new AssemblyName(args.Name);
            }
            catch (Exception e) when (e is ArgumentException || e is FileLoadException)
            {
                return null; // not a name we could have shipped
            }

            // A copy already loaded from our folder serves every later request for that name.
            Assembly? loaded = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(assembly =>
                string.Equals(assembly.GetName().Name, requested.Name, StringComparison.OrdinalIgnoreCase)
                && string.Equals(Path.GetDirectoryName(SafeLocation(assembly)), s_folder!.Directory, StringComparison.OrdinalIgnoreCase));
            if (loaded != null)
            {
                return loaded;
            }

            string? file = s_folder!.Find(requested);
            return file == null ? null : Assembly.LoadFrom(file);
        }

        private static string SafeLocation(Assembly assembly)
        {
            try
            {
                return assembly.IsDynamic ? string.Empty : assembly.Location;
            }
            catch (NotSupportedException)
            {
                return string.Empty;
            }
        }
    }
}
