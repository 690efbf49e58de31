package org.wuyi.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wuyi.support.Api;
import org.wuyi.support.WuyiIntegrationTest;
import tools.jackson.databind.JsonNode;

/** A resident's photo: kept only as a picture re-encoded from its pixels (no location data); anything else refused in words. */
@WuyiIntegrationTest
class RequestPhotoIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ResidentRequests residents;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    private HttpResponse<String> upload(String token, String filename, byte[] content) throws Exception {
        String boundary = "wuyi-photo-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"" + filename
                + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/h/" + token + "/photo"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A small JPEG carrying an EXIF block with a GPS position, as phones write them. */
    private static byte[] jpegWithLocation() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(10, 10, 20, 20);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", plain);
        byte[] jpeg = plain.toByteArray();
        byte[] exif = "Exif\0\0MM\0*GPSLatitude=26.0812;GPSLongitude=119.2965".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream tagged = new ByteArrayOutputStream();
        tagged.write(jpeg, 0, 2);
        tagged.write(0xFF);
        tagged.write(0xE1);
        tagged.write((exif.length + 2) >> 8);
        tagged.write((exif.length + 2) & 0xFF);
        tagged.write(exif);
        tagged.write(jpeg, 2, jpeg.length - 2);
        return tagged.toByteArray();
    }

    @Test
    void aPhotoIsKeptWithoutItsLocationAndAnythingElseIsRefused() throws Exception {
        JsonNode compound = new Api(port).get("/api/v1/regions/350102005001/compounds", "yqhn").json().get(8);
        JsonNode request = new Api(port).postJson("/api/v1/requests", "yqhn", """
                {"category": "SAFETY", "community": "350102005001", "compound": "%d", "building": "%s", "room": "303",
                 "name": "郑先生", "mobile": "13959110001", "description": "楼道电线冒烟"}"""
                .formatted(compound.get("id").asLong(), compound.get("buildings").get(0).asString())).json();
        long id = request.get("id").asLong();
        String token = residents.token(id);

        byte[] photo = jpegWithLocation();
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains("GPSLatitude");
        assertThat(upload(token, "IMG_0001.jpg", photo).body()).contains("照片已添加");
        byte[] kept = jdbc.sql("SELECT bytes FROM request_photo WHERE request_id = ?").param(id).query(byte[].class).single();
        assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain("GPSLatitude").doesNotContain("Exif");
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(kept)).getWidth()).isEqualTo(64);

        byte[] program = new byte[4096];
        program[0] = 'M';
        program[1] = 'Z';
        assertThat(upload(token, "photo.jpg", program).body()).as("an .exe renamed .jpg").contains("只能上传 JPEG 或 PNG");
        assertThat(upload(token, "big.jpg", new byte[30 * 1024 * 1024]).body()).as("30 MB").contains("照片太大");
        assertThat(jdbc.sql("SELECT bytes FROM request_photo WHERE request_id = ?").param(id).query(byte[].class).single())
                .as("the refused files changed nothing").isEqualTo(kept);

        String link = jdbc.sql("SELECT link FROM outbox_message WHERE correlation = ? ORDER BY id LIMIT 1").param("request:" + id)
                .query(String.class).single();
        String path = link.substring(link.indexOf("/r/"));
        HttpResponse<byte[]> shown = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + "/photo")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).isEqualTo(kept);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/r/forged.token/photo")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }
}
