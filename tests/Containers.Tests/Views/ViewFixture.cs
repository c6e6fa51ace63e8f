using System.Xml.Linq;
using Containers.Tests.Metadata;

namespace Containers.Tests.Views
{
    /// <summary>The module's compiled types, the portable API and both ps1xml files, loaded once for the view tests.</summary>
    public sealed class ViewFixture : IDisposable
    {
        public CmdletMetadata Module { get; } = new CmdletMetadata();

        public PortableApi Api { get; } = new PortableApi();

        public XDocument Format { get; } = ModuleFiles.Load(ModuleFiles.FormatFile);

        public XDocument Types { get; } = ModuleFiles.Load(ModuleFiles.TypesFile);

        public IReadOnlyList<FormatView> Views => FormatView.ReadAll(Format);

        public IReadOnlyList<TypeExtension> Extensions => TypeExtension.ReadAll(Types);

        /// <summary>Every script block of both files.</summary>
        public IEnumerable<string> ScriptBlocks => Views.SelectMany(v => v.ScriptBlocks).Concat(Extensions.SelectMany(e => e.ScriptBlocks));

        public void Dispose()
        {
            Module.Dispose();
            Api.Dispose();
        }
    }
}
