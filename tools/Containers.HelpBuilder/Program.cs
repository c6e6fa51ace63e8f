using Containers.HelpBuilder;
using Containers.HelpBuilder.Checks;
using Containers.HelpBuilder.Metadata;

// Regenerates the help: dotnet run --project tools/Containers.HelpBuilder -c Release [-- --check] [-- --root PATH]
// --check writes nothing and fails when a committed file differs from what would be written (for CI).
bool check = args.Contains("--check");
int rootIndex = Array.IndexOf(args, "--root");
string root = rootIndex >= 0 && rootIndex + 1 < args.Length ? Path.GetFullPath(args[rootIndex + 1]) : BuildLocations.RepositoryRoot;

IReadOnlyList<CmdletDefinition> cmdlets = CmdletReader.ReadBuilt();
HelpBuildResult result = HelpBuild.Run(cmdlets, root);
if (result.Problems.Count > 0)
{
    foreach (HelpProblem problem in result.Problems)
    {
        Console.Error.WriteLine(problem.Message);
    }

    Console.Error.WriteLine($"{result.Problems.Count} problem(s) between docs/ and the cmdlets; nothing was written.");
    return 1;
}

var stale = new List<string>();
foreach (GeneratedFile file in result.Files)
{
    if (file.IsCurrent(root))
    {
        continue;
    }

    stale.Add(file.RelativePath);
    if (!check)
    {
        string path = file.FullPath(root);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, file.Content, GeneratedFile.Encoding);
        Console.WriteLine($"Wrote {file.RelativePath}");
    }
}

if (check && stale.Count > 0)
{
    Console.Error.WriteLine($"Out of date: {string.Join(", ", stale)}. Run: {HelpBuild.RegenerateCommand}");
    return 1;
}

Console.WriteLine($"{result.Documented.Count} cmdlets documented; {(stale.Count == 0 ? "every help file was already current" : $"{stale.Count} file(s) updated")}.");
return 0;
