<#
    Packs a built module folder (what build.ps1 lays out in out/Containers) for the two places users install it from:
    a .nupkg for a PowerShell gallery, made by Publish-PSResource into a local file repository, and a zip for Azure
    Automation, the module folder at its root. build.ps1 -Package and tests/Pester/Package.Tests.ps1 use it.
#>

function New-ModulePackage {
    [CmdletBinding()]
    param(
        # The built module folder; its name is the module's (Publish-PSResource requires it).
        [Parameter(Mandatory)] [string] $ModuleFolder,

        # Where the .nupkg and the zip go.
        [Parameter(Mandatory)] [string] $Destination
    )

    $ErrorActionPreference = 'Stop'
    $ModuleFolder = (Resolve-Path $ModuleFolder).Path
    $name = Split-Path $ModuleFolder -Leaf
    if (-not (Test-Path (Join-Path $ModuleFolder "$name.psd1"))) {
        throw "'$ModuleFolder' holds no $name.psd1: pass the built module folder (out/Containers)."
    }
    # PSResourceGet ships with PowerShell 7.4+; Windows PowerShell needs it installed.
    if (-not (Get-Module Microsoft.PowerShell.PSResourceGet -ListAvailable)) {
        throw 'Packing needs Microsoft.PowerShell.PSResourceGet (in PowerShell 7.4+; elsewhere Install-PSResource or Install-Module Microsoft.PowerShell.PSResourceGet).'
    }
    Import-Module Microsoft.PowerShell.PSResourceGet

    $null = New-Item -ItemType Directory -Path $Destination -Force
    $Destination = (Resolve-Path $Destination).Path
    $version = (Import-PowerShellDataFile (Join-Path $ModuleFolder "$name.psd1")).ModuleVersion
    $nupkg = Join-Path $Destination "$name.$version.nupkg"
    $zip = Join-Path $Destination "$name.zip"
    Remove-Item $nupkg, $zip -Force -ErrorAction SilentlyContinue

    # A repository of this run's own, so the user's repositories are never changed and no gallery is contacted:
    # Publish-PSResource only pushes to the repository named, and the module has no dependencies to look up
    # (-SkipDependenciesCheck says so, rather than searching for them).
    $repositoryName = 'ContainersPackage-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $repositoryFolder = Join-Path ([System.IO.Path]::GetTempPath()) $repositoryName
    $null = New-Item -ItemType Directory -Path $repositoryFolder
    try {
        Register-PSResourceRepository -Name $repositoryName -Uri $repositoryFolder -Trusted
        Publish-PSResource -Path $ModuleFolder -Repository $repositoryName -SkipDependenciesCheck
        Move-Item (Join-Path $repositoryFolder "$name.$version.nupkg") -Destination $nupkg
    }
    finally {
        Unregister-PSResourceRepository -Name $repositoryName -ErrorAction SilentlyContinue
        Remove-Item $repositoryFolder -Recurse -Force -ErrorAction SilentlyContinue
    }

    # Azure Automation imports a zip named after the module, with the module folder at its root: includeBaseDirectory
    # makes the folder's name the first part of every entry.
    Add-Type -AssemblyName System.IO.Compression.FileSystem
    [System.IO.Compression.ZipFile]::CreateFromDirectory($ModuleFolder, $zip, [System.IO.Compression.CompressionLevel]::Optimal, $true)

    [pscustomobject]@{ Nupkg = $nupkg; Zip = $zip }
}
