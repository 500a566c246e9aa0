using System.Net;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Winyx.Web.Tests.Browser;

/// <summary>
/// A real browser (Debian's Chromium through Playwright) walks the site against the full stack:
/// register, log in, see and edit the profile, find it in the users list, log out. Screenshots
/// of the home, register, profile and users pages land in <c>screenshots/</c> beside the test
/// assembly.
/// </summary>
public sealed class BrowserTests(FullStackFixture stack) : IClassFixture<FullStackFixture>
{
    private static readonly string ScreenshotDirectory = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task RegisterLogInSeeAndEditTheProfileThenLogOut()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromiumAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = stack.Web.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        var page = await context.NewPageAsync();
        var email = $"grace-{Guid.NewGuid():N}@example.com";
        const string Password = "Correct-Horse-42";

        await page.GotoAsync("/");
        await ScreenshotAsync(page, "home");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Grace Hopper");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await ScreenshotAsync(page, "register");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Expect(page.GetByText("Your account is ready")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Email", new() { Exact = true })).ToHaveValueAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();

        await page.WaitForURLAsync("**/profile");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Grace Hopper" })).ToBeVisibleAsync();
        await Expect(page.GetByText(email).First).ToBeVisibleAsync();
        await ScreenshotAsync(page, "profile");
        await AssertSessionCookieIsHiddenFromScriptsAsync(context);

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Rear Admiral Grace Hopper");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByText("Your profile has been saved.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rear Admiral Grace Hopper" })).ToBeVisibleAsync();

        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Rear Admiral Grace Hopper" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "users");

        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Log in", Exact = true })).ToBeVisibleAsync();
        await page.GotoAsync("/profile");
        await page.WaitForURLAsync("**/login?returnUrl=%2Fprofile");
    }

    [Fact]
    public async Task RegisteringATakenEmailSaysSoNextToTheEmailField()
    {
        using var client = new Infrastructure.FormClient(stack.Web.BaseAddress);
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "Ada Lovelace",
            ["Input.Email"] = $"ada-{Guid.NewGuid():N}@example.com",
            ["Input.Password"] = "Analytical-Engine-1843",
        };
        using (var first = await client.SubmitAsync("/register", "register", fields))
        {
            Assert.Equal(HttpStatusCode.Found, first.StatusCode);
        }

        using var again = await client.SubmitAsync("/register", "register", fields);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("This email is already registered.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChaosAdminDoesNotExistUnlessEnabled()
    {
        using var http = new HttpClient { BaseAddress = stack.Web.BaseAddress };
        using var response = await http.GetAsync(new Uri("/admin/chaos", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            // Debian's Chromium: never `playwright install` (no downloads on these machines).
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });

    private static async Task AssertSessionCookieIsHiddenFromScriptsAsync(IBrowserContext context)
    {
        var cookie = Assert.Single(await context.CookiesAsync(), c => c.Name == "winyx_session");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
    }

    private static Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        return page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(ScreenshotDirectory, name + ".png"),
            FullPage = true,
        });
    }
}
