<#
.SYNOPSIS
    Builds the Containers module into a folder PowerShell can import, and optionally runs its Pester tests.
.EXAMPLE
    ./build.ps1
    Import-Module ./out/Containers/Containers.psd1
.EXAMPLE
    ./build.ps1 -Test
.EXAMPLE
    ./build.ps1 -Package
    Also writes out/package/Containers.<version>.nupkg (for a PowerShell gallery) and out/package/Containers.zip (for
    Azure Automation), without contacting any gallery.
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Where the module folder is laid out.
    [string] $OutputPath = (Join-Path $PSScriptRoot 'out/Containers'),

    # Also run the Pester tests in tests/Pester against the built module, on a private engine this script starts.
    [switch] $Test,

    # With -Test: a file to write "PASSED FAILED SKIPPED" to, for test.sh's summary.
    [string] $ResultCountPath,

    # Also pack the built module: a .nupkg made by Publish-PSResource into a local repository of this run's own, and a
    # zip for Azure Automation, both in out/package (tools/Package/ModulePackage.ps1).
    [switch] $Package
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$staging = Join-Path ([System.IO.Path]::GetTempPath()) ("containers-build-" + [guid]::NewGuid().ToString('N'))
try {
    & dotnet publish (Join-Path $PSScriptRoot 'src/Containers/Containers.csproj') -c $Configuration -o $staging --nologo
    if ($LASTEXITCODE -ne 0) { throw "dotnet publish failed with exit code $LASTEXITCODE." }

    if (Test-Path $OutputPath) { Remove-Item $OutputPath -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $OutputPath -Force

    # The module's own assemblies and the netstandard dependencies Windows PowerShell 5.1 lacks; never PowerShell's own.
    Get-ChildItem $staging -Filter '*.dll' |
        Where-Object { $_.Name -ne 'System.Management.Automation.dll' } |
        Copy-Item -Destination $OutputPath

    foreach ($file in 'Containers.psd1', 'Containers.psm1', 'Containers.format.ps1xml', 'Containers.types.ps1xml') {
        Copy-Item (Join-Path $PSScriptRoot $file) -Destination $OutputPath
    }

    # The Azure driver and its libraries go to Azure/, loaded on first use apart from the session (Containers.dll never
    # references them): only what the module's own folder lacks, so Containers.Provisioning and Containers.Engine,
    # whose types are the boundary, exist once.
    $azureStaging = Join-Path $staging 'azure'
    & dotnet publish (Join-Path $PSScriptRoot 'src/Containers.Azure/Containers.Azure.csproj') -c $Configuration -o $azureStaging --nologo
    if ($LASTEXITCODE -ne 0) { throw "dotnet publish of the Azure driver failed with exit code $LASTEXITCODE." }
    $azureFolder = Join-Path $OutputPath 'Azure'
    $null = New-Item -ItemType Directory -Path $azureFolder -Force
    Get-ChildItem $azureStaging -Filter '*.dll' |
        Where-Object { -not (Test-Path (Join-Path $OutputPath $_.Name)) } |
        Copy-Item -Destination $azureFolder

    $help = Join-Path $PSScriptRoot 'en-US'
    if (Get-ChildItem $help -File -ErrorAction SilentlyContinue) {
        Copy-Item $help -Destination $OutputPath -Recurse
    }

    Write-Host "Built module: $OutputPath"
}
finally {
    Remove-Item $staging -Recurse -Force -ErrorAction SilentlyContinue
}

if ($Package) {
    . (Join-Path $PSScriptRoot 'tools/Package/ModulePackage.ps1')
    $packed = New-ModulePackage -ModuleFolder $OutputPath -Destination (Join-Path $PSScriptRoot 'out/package')
    Write-Host "Gallery package: $($packed.Nupkg)"
    Write-Host "Azure Automation zip: $($packed.Zip)"
}

if ($Test) {
    $pester = Get-Module Pester -ListAvailable | Sort-Object Version -Descending | Select-Object -First 1
    if (-not $pester -or $pester.Version -lt [version]'5.0') {
        throw 'The Pester tests need Pester 5: run tools/Pester/install-pester.sh (or Install-Module Pester -MinimumVersion 5.0 -Scope CurrentUser).'
    }
    Import-Module $pester -Force

    # One private engine and registry for the whole run (tests/Containers.TestEngine), and a machine over SSH for the Ssh
    # driver's tests, gone when this script ends.
    . (Join-Path $PSScriptRoot 'tests/Pester/Support/TestEngine.ps1')
    $engine = Start-TestEngine -Ssh
    try {
        $config = New-PesterConfiguration
        $config.Run.Path = Join-Path $PSScriptRoot 'tests/Pester'
        $config.Run.PassThru = $true
        $config.Output.Verbosity = 'Detailed'
        $env:CONTAINERS_MODULE_PATH = Join-Path $OutputPath 'Containers.psd1'
        $result = Invoke-Pester -Configuration $config
    }
    finally {
        Stop-TestEngine -Process $engine
    }

    # test.sh adds these to the xunit counts for its summary line.
    if ($ResultCountPath) {
        "$($result.PassedCount) $($result.FailedCount) $($result.SkippedCount + $result.NotRunCount)" | Set-Content -Path $ResultCountPath
    }
    # The failed tests' names again, last, because CI shows only the end of the output.
    foreach ($failed in $result.Failed) { "Failed: $($failed.ExpandedPath)" }
    if ($result.Result -ne 'Passed') { exit 1 }
}
