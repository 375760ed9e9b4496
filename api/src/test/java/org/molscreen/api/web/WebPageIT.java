package org.molscreen.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.api.access.AccessTokens;
import org.molscreen.api.access.Caller;
import org.molscreen.api.access.Role;
import org.molscreen.api.http.ApiServer;
import org.molscreen.api.http.ApiTestLibraries;
import org.molscreen.api.http.ApiSettings;
import org.molscreen.api.service.ServiceLimits;
import org.molscreen.chem.io.StructureParser;
import org.molscreen.cluster.MolscreenNode;
import org.molscreen.cluster.NodeSettings;
import org.molscreen.testsupport.ClusterPorts;
import org.molscreen.testsupport.Eventually;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.io.MDLV2000Writer;
import org.openscience.cdk.layout.StructureDiagramGenerator;

/**
 * The web page in headless Chromium (Debian's chromium and chromium-driver) against a real API on
 * loopback with a real embedded node: sign in, upload an SDF, screen it, read the hit table with drawn
 * structures, sort it, download the CSV, open a compound, cancel a running job, see errors, and (as an
 * admin) the cluster page. Screenshots of the main views go to {@code target/screenshots}.
 */
class WebPageIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final int DISCOVERY_PORT = ClusterPorts.discoveryRange();
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path dir;

    private static MolscreenNode node;
    private static ApiServer server;
    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static String aliceToken;
    private static String rootToken;
    private static String base;
    private static Path downloads;

    @BeforeAll
    static void start() throws IOException {
        boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(available, "skipped: browser tests need Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
        }
        assertThat(available).as("CI must install chromium and chromium-driver").isTrue();
        node = MolscreenNode.start(NodeSettings.inMemory("web-page", DISCOVERY_PORT));
        Path tokens = dir.resolve("tokens.txt");
        aliceToken = AccessTokens.issue(tokens, new Caller("alice", Role.CHEMIST));
        rootToken = AccessTokens.issue(tokens, new Caller("root", Role.ADMIN));
        server = ApiServer.start(node, new ApiSettings("127.0.0.1", 0, AccessTokens.read(tokens), ServiceLimits.defaults(), dir.resolve("uploads")));
        base = "http://127.0.0.1:" + server.port();
        downloads = Files.createDirectories(dir.resolve("downloads"));
        Files.createDirectories(SCREENSHOTS);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the closed network refuses Chromium's background connections: switch them off
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--user-data-dir=" + dir.resolve("chromium-profile"));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(90));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (node != null) {
            node.close();
        }
    }

    private static void screenshot(String name) throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static String message() {
        return visible(By.id("message")).getText();
    }

    private static void signIn(String token) {
        browser.get(base + "/#/signin");
        WebElement field = visible(By.id("token"));
        field.clear();
        field.sendKeys(token, Keys.ENTER);
    }

    /** An SDF of the example library's readable molecules, 2D, with titles. */
    private static Path exampleSdf() throws Exception {
        Path examples = ApiTestLibraries.examples();
        StringWriter sdf = new StringWriter();
        StructureParser parser = new StructureParser();
        StructureDiagramGenerator layout = new StructureDiagramGenerator();
        for (String line : Files.readAllLines(examples)) {
            if (line.isBlank() || line.startsWith("#") || line.contains(" bad_")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            IAtomContainer molecule = parser.parseSmiles(parts[0]);
            molecule.setTitle(parts[1]);
            layout.generateCoordinates(molecule);
            StringWriter one = new StringWriter();
            try (MDLV2000Writer writer = new MDLV2000Writer(one)) {
                writer.write(molecule);
            }
            sdf.write(one.toString().replace("\r\n", "\n"));
            sdf.write("$$$$\n");
        }
        Path file = dir.resolve("drugs.sdf");
        Files.writeString(file, sdf.toString());
        return file;
    }

    private static String apiGet(String path, String token) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1" + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static String apiSend(HttpRequest.Builder request, String token) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return response.body();
    }

    private static List<Double> column(String key) {
        int index = -1;
        List<WebElement> headers = browser.findElements(By.cssSelector("#hits thead th"));
        for (int i = 0; i < headers.size(); i++) {
            if (key.equals(headers.get(i).getAttribute("data-key"))) {
                index = i;
            }
        }
        assertThat(index).as("column " + key).isNotNegative();
        List<Double> values = new ArrayList<>();
        for (WebElement row : browser.findElements(By.cssSelector("#hits tbody tr"))) {
            values.add(Double.parseDouble(row.findElements(By.tagName("td")).get(index).getText().strip()));
        }
        return values;
    }

    @Test
    void aChemistUploadsScreensReadsSortsDownloadsAndCancels() throws Exception {
        browser.get(base + "/");
        visible(By.id("token"));
        screenshot("01-sign-in");
        signIn("msk_wrong");
        assertThat(message()).contains("not accepted");
        signIn(aliceToken);
        assertThat(visible(By.id("who-name")).getText()).contains("alice (chemist)");
        assertThat(browser.findElement(By.id("nav-cluster")).isDisplayed()).as("no cluster page for a chemist").isFalse();

        // a bad upload: a clear message, nothing stored
        Path notes = dir.resolve("notes.xlsx");
        Files.writeString(notes, "not a compound library");
        visible(By.id("drop"));
        browser.findElement(By.id("file")).sendKeys(notes.toString());
        browser.findElement(By.id("upload")).click();
        assertThat(message()).startsWith("Error:").contains("xlsx");
        screenshot("02-bad-upload");

        // upload an SDF and watch it become ready
        browser.findElement(By.id("file")).sendKeys(exampleSdf().toString());
        assertThat(browser.findElement(By.id("lib-name")).getAttribute("value")).isEqualTo("drugs");
        browser.findElement(By.id("upload")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-library='alice.drugs']"), "ready"));
        WebElement row = browser.findElement(By.cssSelector("tr[data-library='alice.drugs']"));
        assertThat(row.getText()).contains("drugs.sdf").contains("27");
        screenshot("03-libraries");

        // start a screen from the form
        row.findElement(By.xpath(".//button[text()='Screen']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rank-model option[value='bace1']")));
        new Select(browser.findElement(By.id("rank-model"))).selectByValue("bace1");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cards .model-card")));
        assertThat(browser.findElement(By.id("cards")).getText()).contains("bace1").contains("(test set)").contains("EF1%");
        WebElement top = browser.findElement(By.id("top"));
        top.clear();
        top.sendKeys("27");
        // PAINS filter, but keep the filtered compounds visible with the reason
        browser.findElement(By.cssSelector("input[name=filter][value=pains]")).click();
        browser.findElement(By.id("keep-filtered")).click();
        screenshot("04-new-screen");
        browser.findElement(By.id("start")).click();

        // the job finishes; hits with drawn structures, histogram
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#hits tbody tr"), 26));
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return [...document.querySelectorAll('#hits img.structure')].every(i => i.complete && i.naturalWidth > 0)"));
        assertThat(browser.findElements(By.cssSelector("#hits img.structure"))).hasSize(27);
        assertThat(browser.findElement(By.cssSelector("#histogram svg")).getAttribute("aria-label")).contains("27 scored compounds");
        assertThat(browser.findElement(By.id("hits-title")).getText()).contains("Hits: 27 of 27 records").contains("2 filtered");
        assertThat(browser.findElement(By.cssSelector("tr[data-id='azo_dye_pains']")).getText()).contains("pains: azo_A");
        assertThat(browser.findElement(By.cssSelector("th[data-key='filtered']")).getText()).isEqualTo("Filtered because");
        screenshot("05-job-histogram");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('hits-card').scrollIntoView()");
        screenshot("05-hits");
        String jobId = browser.getCurrentUrl().replaceAll(".*#/jobs/", "");

        // sort by molecular weight, both ways
        browser.findElement(By.cssSelector("th[data-key='mw'] button")).click();
        assertThat(browser.findElement(By.cssSelector("th[data-key='mw']")).getAttribute("aria-sort")).isEqualTo("descending");
        List<Double> descending = column("mw");
        assertThat(descending).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        browser.findElement(By.cssSelector("th[data-key='mw'] button")).click();
        assertThat(column("mw")).isSorted();
        ((JavascriptExecutor) browser).executeScript("document.getElementById('hits-card').scrollIntoView()");
        screenshot("06-hits-sorted");

        // open a compound
        browser.findElement(By.cssSelector("#hits tbody tr button.secondary")).click();
        WebElement dialog = visible(By.id("compound"));
        assertThat(dialog.getText()).contains("bace1.pIC50").contains("smiles");
        screenshot("07-compound");
        dialog.sendKeys(Keys.ESCAPE);
        wait.until(ExpectedConditions.invisibilityOf(dialog));

        // download the CSV: what the API serves, byte for byte
        browser.findElement(By.id("download-csv")).click();
        Path csv = downloads.resolve("hits-" + jobId + ".csv");
        wait.until(d -> Files.exists(csv) && !Files.exists(downloads.resolve("hits-" + jobId + ".csv.crdownload")));
        String downloaded = Files.readString(csv);
        assertThat(downloaded).isEqualTo(apiGet("/jobs/" + jobId + "/hits?format=csv", aliceToken));
        assertThat(downloaded.lines().count()).isEqualTo(28);
        assertThat(downloaded).contains(",pains: azo_A");
        assertThat(downloaded.lines().findFirst().orElseThrow()).startsWith("rank,id,smiles,score,bace1.pIC50");

        // cancel a running job from its page: a large top N keeps it running for seconds
        Path big = ApiTestLibraries.repeated(dir, 1_000);
        apiSend(HttpRequest.newBuilder(URI.create(base + "/api/v1/libraries?name=big&format=smi"))
                .POST(HttpRequest.BodyPublishers.ofFile(big)), aliceToken);
        Eventually.await("library alice.big to be ready", Duration.ofSeconds(120), () -> {
            try {
                return apiGet("/libraries/alice.big", aliceToken).contains("\"state\":\"ready\"");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        String job = apiSend(HttpRequest.newBuilder(URI.create(base + "/api/v1/jobs")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"library\":\"alice.big\",\"models\":[\"bace1\",\"tox21\",\"herg\",\"egfr\"],\"top\":10000}")),
                aliceToken).replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        browser.get(base + "/#/jobs/" + job);
        WebElement cancel = visible(By.id("job-cancel"));
        screenshot("08-running-job");
        cancel.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("job-progress-text"), "cancelled"));
        assertThat(message()).contains("Job cancelled");
        assertThat(apiGet("/jobs/" + job, aliceToken)).contains("\"state\":\"cancelled\"");
        browser.get(base + "/#/jobs");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-job='" + job + "']"), "cancelled"));
        screenshot("09-jobs");
    }

    @Test
    void anAdminSeesTheClusterPage() throws Exception {
        signIn(rootToken);
        assertThat(visible(By.id("who-name")).getText()).contains("root (admin)");
        visible(By.id("nav-cluster")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#nodes tbody tr"), 1));
        assertThat(browser.findElement(By.id("cluster-summary")).getText()).contains("molscreen worker --join 127.0.0.1:" + DISCOVERY_PORT);
        assertThat(browser.findElement(By.cssSelector("#nodes tbody tr")).getText()).contains("web-page (this node)").contains("MiB");
        screenshot("10-cluster");
        browser.findElement(By.id("sign-out")).click();
        visible(By.id("token"));
    }
}
