using System.Reflection;
using System.Runtime.InteropServices;
using Containers.Provisioning.AzureTokens;
using Containers.Provisioning.Drivers;

namespace Containers.PowerShell.Loading
{
    /// <summary>
    /// Loads the Azure driver (Containers.Azure and Azure.Core, Azure.Identity, Azure.ResourceManager...) from the
    /// module's Azure/ folder on first use, apart from everything else in the session, so the module lives beside
    /// Az.Accounts whatever Azure.Core it brought. On PowerShell 7, into an AssemblyLoadContext of its own, made by
    /// reflection (netstandard2.0 has no such type to compile against): every assembly of the folder is loaded into it
    /// up front, so references between them bind there first; what the folder lacks (Containers.Provisioning and
    /// Containers.Engine, whose types are the boundary, and the platform's own assemblies) falls through to the default
    /// context and is shared. The driver does not reference Containers.Core at all. On Windows PowerShell 5.1 there are
    /// no load contexts: an AssemblyResolve handler answers from the folder. Only the boundary's types cross: Func,
    /// IAzureTokenSource, IHostDriver, plain strings.
    /// </summary>
    internal static class AzureLibraries
    {
        public const string FolderName = "Azure";
        public const string EntryAssembly = "Containers.Azure";
        public const string EntryType = "Containers.Azure.AzureEntryPoint";

        private static readonly object Gate = new object();
        private static Type? s_entry;
        private static string? s_resolveFolder;

        /// <summary>Installs the factories; nothing loads until one is first called (New-ContainerHost -Driver Azure, an ACR login).</summary>
        public static void Install(string moduleFolder)
        {
            string folder = Path.Combine(moduleFolder, FolderName);
            if (!File.Exists(Path.Combine(folder, EntryAssembly + ".dll")))
            {
                return; // a build without the Azure folder: the Azure driver says it is not available
            }

            AzureTokenSources.Factory = token => Entry(folder).TokenSourceFactory()(token);
            HostDrivers.AzureFactory = options => Entry(folder).DriverFactory()(options);
        }

        private static AzureEntry Entry(string folder)
        {
            lock (Gate)
            {
                if (s_entry == null)
                {
                    s_entry = RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal)
                        ? LoadWithResolver(folder)
                        : Load(folder, collectible: false).EntryType;
                }

                return new AzureEntry(s_entry);
            }
        }

        /// <summary>Loads the folder into a new load context (PowerShell 7); tests make it collectible and unload it.</summary>
        public static LoadedAzure Load(string folder, bool collectible)
        {
            Type contextType = Type.GetType("System.Runtime.Loader.AssemblyLoadContext, System.Runtime.Loader", throwOnError: true)!;
            object context = Activator.CreateInstance(contextType, "Containers.Azure", collectible)!;
            MethodInfo loadFromPath = contextType.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) })!;
            Assembly? entry = null;
            foreach (string file in FilesToLoad(folder))
            {
                var assembly = (Assembly)loadFromPath.Invoke(context, new object[] { file })!;
                if (string.Equals(Path.GetFileNameWithoutExtension(file), EntryAssembly, StringComparison.OrdinalIgnoreCase))
                {
                    entry = assembly;
                }
            }

            if (entry == null)
            {
                throw new FileNotFoundException($"The Azure folder '{folder}' has no {EntryAssembly}.dll.");
            }

            return new LoadedAzure(context, entry.GetType(EntryType, throwOnError: true)!);
        }

        /// <summary>
        /// The folder's assemblies, less those the platform has (System.Memory, System.Text.Json, ... on .NET): a second
        /// copy of those would make a second Span or JsonElement that the shared Containers.Provisioning and
        /// Containers.Engine could not take.
        /// </summary>
        public static IReadOnlyList<string> FilesToLoad(string folder)
        {
            string platform = Path.GetDirectoryName(typeof(object).Assembly.Location) ?? string.Empty;
            return Directory.GetFiles(folder, "*.dll")
                .Where(file => platform.Length == 0 || !File.Exists(Path.Combine(platform, Path.GetFileName(file))))
                .OrderBy(file => file, StringComparer.OrdinalIgnoreCase)
                .ToList();
        }

        /// <summary>Windows PowerShell 5.1: the folder answers AssemblyResolve; one copy of each name serves every version asked for.</summary>
        private static Type LoadWithResolver(string folder)
        {
            s_resolveFolder = folder;
            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
            return Assembly.LoadFrom(Path.Combine(folder, EntryAssembly + ".dll")).GetType(EntryType, throwOnError: true)!;
        }

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            string? name;
            try
            {
                name = new AssemblyName(args.Name).Name;
            }
            catch (Exception e) when (e is ArgumentException || e is FileLoadException)
            {
                return null;
            }

            if (string.IsNullOrEmpty(name) || s_resolveFolder == null || name!.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            {
                return null;
            }

            // Without binding redirects, an already loaded copy of that name stands in for the version asked for.
            Assembly? loaded = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => string.Equals(a.GetName().Name, name, StringComparison.OrdinalIgnoreCase));
            if (loaded != null)
            {
                return loaded;
            }

            string file = Path.Combine(s_resolveFolder, name + ".dll");
            return File.Exists(file) ? Assembly.LoadFrom(file) : null;
        }

        /// <summary>A loaded Azure folder: its load context (an AssemblyLoadContext, as object) and the entry type.</summary>
        public sealed class LoadedAzure
        {
            public LoadedAzure(object context, Type entryType)
            {
                Context = context;
                EntryType = entryType;
            }

            public object Context { get; }

            public Type EntryType { get; }

            public AzureEntry Entry => new AzureEntry(EntryType);

            /// <summary>Unloads a collectible context (tests).</summary>
            public void Unload() => Context.GetType().GetMethod("Unload")!.Invoke(Context, null);
        }

        /// <summary>The entry type's factories, called by reflection; their types are the shared boundary.</summary>
        public sealed class AzureEntry
        {
            private readonly Type _type;

            public AzureEntry(Type type)
            {
                _type = type;
            }

            public Func<string?, IAzureTokenSource> TokenSourceFactory() =>
                (Func<string?, IAzureTokenSource>)_type.GetMethod("TokenSourceFactory")!.Invoke(null, null)!;

            public Func<AzureHostOptions?, IHostDriver> DriverFactory() =>
                (Func<AzureHostOptions?, IHostDriver>)_type.GetMethod("DriverFactory")!.Invoke(null, null)!;
        }
    }
}
