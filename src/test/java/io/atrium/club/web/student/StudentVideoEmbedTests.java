package io.atrium.club.web.student;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only addresses of the allowed video hosts become framed players, always rebuilt on a
 * host of {@link VideoEmbed#FRAME_HOSTS}; anything else stays a link.
 */
class StudentVideoEmbedTests {

	@Test
	void youTubeAddressesBecomeThePrivacyEnhancedPlayer() {
		assertThat(VideoEmbed.of("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10"))
			.isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
		assertThat(VideoEmbed.of("https://youtu.be/dQw4w9WgXcQ"))
			.isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
		assertThat(VideoEmbed.of("https://www.youtube.com/embed/dQw4w9WgXcQ"))
			.isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
	}

	@Test
	void vimeoAddressesBecomeItsPlayer() {
		assertThat(VideoEmbed.of("https://vimeo.com/76979871")).isEqualTo("https://player.vimeo.com/video/76979871");
		assertThat(VideoEmbed.of("https://player.vimeo.com/video/76979871"))
			.isEqualTo("https://player.vimeo.com/video/76979871");
	}

	@Test
	void moreYouTubeForms() {
		assertThat(VideoEmbed.of("https://www.youtube.com/shorts/dQw4w9WgXcQ"))
			.isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
		assertThat(VideoEmbed.of("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"))
			.isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
		assertThat(VideoEmbed.of("https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ"))
			.isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
	}

	@Test
	void wistiaLoomAndBunnyBecomeTheirPlayers() {
		assertThat(VideoEmbed.of("https://fast.wistia.net/embed/iframe/u8p9wq6mq8"))
			.isEqualTo("https://fast.wistia.net/embed/iframe/u8p9wq6mq8");
		assertThat(VideoEmbed.of("https://support.wistia.com/medias/u8p9wq6mq8"))
			.isEqualTo("https://fast.wistia.net/embed/iframe/u8p9wq6mq8");
		assertThat(VideoEmbed.of("https://www.loom.com/share/3110e657b2c6410a96bc7700d5b5e18f"))
			.isEqualTo("https://www.loom.com/embed/3110e657b2c6410a96bc7700d5b5e18f");
		assertThat(VideoEmbed.of("https://www.loom.com/embed/3110e657b2c6410a96bc7700d5b5e18f"))
			.isEqualTo("https://www.loom.com/embed/3110e657b2c6410a96bc7700d5b5e18f");
		assertThat(VideoEmbed.of("https://iframe.mediadelivery.net/embed/759/eb1c4f77-0cda-46be-b47d-1118ad7c2ffe"))
			.isEqualTo("https://iframe.mediadelivery.net/embed/759/eb1c4f77-0cda-46be-b47d-1118ad7c2ffe");
		assertThat(VideoEmbed.of("https://player.mediadelivery.net/play/759/eb1c4f77-0cda-46be-b47d-1118ad7c2ffe"))
			.isEqualTo("https://iframe.mediadelivery.net/embed/759/eb1c4f77-0cda-46be-b47d-1118ad7c2ffe");
	}

	@Test
	void everyPlayerIsOnAnAllowedFrameHost() {
		for (String url : new String[] { "https://youtu.be/dQw4w9WgXcQ", "https://vimeo.com/76979871",
				"https://acme.wistia.com/medias/u8p9wq6mq8", "https://loom.com/share/3110e657b2c6410a96bc7700d5b5e18f",
				"https://iframe.mediadelivery.net/embed/1/eb1c4f77-0cda-46be-b47d-1118ad7c2ffe",
				"https://player-vz-7b6cf9e4-8bf.tv.pandavideo.com.br/embed/?v=f3b9c0c2-5b8a-4a7e-9d0a-2c0a8b1e6f11" }) {
			String player = VideoEmbed.of(url);
			java.net.URI framed = java.net.URI.create(player);
			assertThat(VideoEmbed.FRAME_HOSTS).as(url)
				.anyMatch((h) -> h.contains("*.") ? framed.getHost().endsWith(h.substring(h.indexOf("*.") + 1))
						: player.startsWith(h + "/"));
		}
	}

	@Test
	void pandaVideoPlayersAreFramedWithTheirVideoIdOnly() {
		assertThat(VideoEmbed
			.of("https://player-vz-7b6cf9e4-8bf.tv.pandavideo.com.br/embed/?v=f3b9c0c2-5b8a-4a7e-9d0a-2c0a8b1e6f11&autoplay=1"))
			.isEqualTo(
					"https://player-vz-7b6cf9e4-8bf.tv.pandavideo.com.br/embed/?v=f3b9c0c2-5b8a-4a7e-9d0a-2c0a8b1e6f11");
		assertThat(VideoEmbed
			.of("https://player-vz-7b6cf9e4-8bf.tv.pandavideo.com.br/embed/?v=f3b9c0c2-5b8a-4a7e-9d0a-2c0a8b1e6f11\"onload=x"))
			.isNull();
		assertThat(VideoEmbed.of("https://evil.tv.pandavideo.com.br/embed/?v=f3b9c0c2-5b8a-4a7e-9d0a-2c0a8b1e6f11"))
			.isNull();
		assertThat(VideoEmbed
			.of("https://player-vz-7b6cf9e4-8bf.tv.pandavideo.com.br.evil.example/embed/?v=f3b9c0c2-5b8a-4a7e-9d0a-2c0a8b1e6f11"))
			.isNull();
		assertThat(VideoEmbed
			.of("https://player-vz-7b6cf9e4-8bf.tv.pandavideo.com.br/other/?v=f3b9c0c2-5b8a-4a7e-9d0a-2c0a8b1e6f11"))
			.isNull();
	}

	@Test
	void anythingElseIsNotFramed() {
		assertThat(VideoEmbed.of("https://www.loom.com/share/not-hex!")).isNull();
		assertThat(VideoEmbed.of("https://evil.example/medias/u8p9wq6mq8")).isNull();
		assertThat(VideoEmbed.of("https://wistia.com.evil.example/medias/u8p9wq6mq8")).isNull();
		assertThat(VideoEmbed.of("https://iframe.mediadelivery.net/embed/759/../../x")).isNull();
		assertThat(VideoEmbed.of("https://user@www.youtube.com/watch?v=dQw4w9WgXcQ")).isNull();
		assertThat(VideoEmbed.of("https://player-vz-123.tv.pandavideo.com.br/embed/?v=abc")).isNull();
		assertThat(VideoEmbed.of("https://videos.example.com/a.mp4")).isNull();
		assertThat(VideoEmbed.of("http://www.youtube.com/watch?v=dQw4w9WgXcQ")).isNull();
		assertThat(VideoEmbed.of("https://www.youtube.com/watch?v=<script>")).isNull();
		assertThat(VideoEmbed.of("https://evil.example/youtube.com/embed/x")).isNull();
		assertThat(VideoEmbed.of("not a url")).isNull();
		assertThat(VideoEmbed.of(null)).isNull();
	}

}
